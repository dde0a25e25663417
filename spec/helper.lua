-- Loaded by busted (see .busted): point package.path/cpath at this
-- checkout, for the ABI of the running interpreter.
local abi = rawget(_G, "jit") and "luajit" or ("lua" .. _VERSION:match("%d+%.%d+"))
package.path = "./lua/?.lua;./lua/?/init.lua;" .. package.path
package.cpath = "./build/" .. abi .. "/?.so;" .. package.cpath
