# `-m cli.mod_runpkg` (see run_package.flags): a package's __main__ runs.
