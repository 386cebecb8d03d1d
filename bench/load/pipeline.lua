-- wrk scenario "pipeline": see common.lua (arguments: token, writer token, ids file, pipeline).
SCENARIO = "pipeline"
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
