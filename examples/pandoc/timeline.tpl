$for(shijian-events)$
$it.date$	$it.cameo$	$it.label$	$it.trigger$	$for(it.sources)$$it$$sep$,$endfor$	$for(it.targets)$$it$$sep$,$endfor$	$it.place$
$endfor$
