-- stream.lua — analyse a file paragraph by paragraph without reading it
-- whole; the reference year found in the first paragraph carries on.
local sj = require "shijian"

local path = os.tmpname()
local f = assert(io.open(path, "wb"))
f:write("2020年12月30日　国防部新闻发布会\n\n6月24日，中国军队访问俄罗斯。\n\n10月28日至29日，双方举行会谈。\n")
f:close()

for doc in sj.each_paragraph(path) do
  -- positions count in the whole file; doc.text is the chunk (the paragraph
  -- and the blank line after it, as `shijian tag` cuts the input)
  print(("paragraph %d (line %d, bytes %d..%d, ref %s)"):format(doc.index, doc.line, doc.first, doc.last,
    tostring(doc.ref)))
  for _, m in ipairs(doc.mentions) do
    if m.kind == "time" then print("", m.text, m.value, m.first .. ".." .. m.last) end
  end
end

-- line by line, from an open file handle
local n = 0
local fh = assert(io.open(path, "rb"))
for doc in sj.each_line(fh) do n = n + 1 end
fh:close()
print("non-blank lines:", n)
os.remove(path)
