# raise SystemExit(1, 2): code is the args tuple, printed; status 1.
raise SystemExit(1, 2)
