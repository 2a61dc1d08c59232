"""Built-in formats. Each sub-package registers through `newsmodel.plugin` hooks like any plugin."""
