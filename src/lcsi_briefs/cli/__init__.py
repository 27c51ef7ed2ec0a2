"""The commands: build, new, serve, validate, check and the project settings they read."""
