# Placeholder: this test runs `-m unittest _unittest_sample` (see .flags and .args).
