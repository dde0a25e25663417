$for(shijian-events)$
$it.id$|$it.date$|$it.cameo$|$it.trigger$|$for(it.sources)$$it$$sep$,$endfor$
$endfor$
