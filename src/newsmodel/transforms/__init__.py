"""Built-in transforms. Each module registers through `newsmodel.plugin` hooks like any plugin."""
