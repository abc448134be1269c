# Placeholder: this test runs `-m cProfile -s stdname stdlib/_cprofile_script.py` (see .flags and .args).
