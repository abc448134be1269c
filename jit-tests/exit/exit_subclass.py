# A SystemExit subclass with a code attribute of its own.
class Stop(SystemExit):
    @property
    def code(self):
        return 12


raise Stop("ignored")
