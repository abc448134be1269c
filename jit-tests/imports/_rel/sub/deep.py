NAME = __name__
PKG = __package__
