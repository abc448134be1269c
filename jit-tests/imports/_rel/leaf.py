VALUE = "leaf:" + __name__ + ":" + __package__
