-- wrk scenario "list": see common.lua (arguments: token, writer token, ids file, pipeline).
SCENARIO = "list"
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
