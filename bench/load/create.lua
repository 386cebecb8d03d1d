-- wrk scenario "create": see common.lua (arguments: token, writer token, ids file, pipeline).
SCENARIO = "create"
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
