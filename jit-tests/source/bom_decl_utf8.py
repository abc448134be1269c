# -*- coding: utf-8 -*-
print("BOM and a utf-8 declaration agree")
