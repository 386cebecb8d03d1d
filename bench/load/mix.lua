-- wrk scenario "mix": see common.lua (arguments: token, writer token, ids file, pipeline).
SCENARIO = "mix"
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
