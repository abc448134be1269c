# `-m cli.mod_runmod args` (see run_module.flags): the module runs as __main__.
