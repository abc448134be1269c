# uncaught AttributeError
class Config:
    def __init__(self):
        self.debug = True
c = Config()
print(c.debug)
print(c.verbose)
