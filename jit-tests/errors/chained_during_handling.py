# implicit chaining: "During handling of the above exception, another exception occurred"
def load(cfg):
    try:
        return cfg["path"]
    except KeyError:
        raise RuntimeError("config is missing 'path'")
load({})
