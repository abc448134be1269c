# helper: raises while being imported
value = 1
raise RuntimeError("mod_broken failed during import")
