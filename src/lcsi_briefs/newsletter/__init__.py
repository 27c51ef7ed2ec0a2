"""The newsletter edition: headlines and implications as an email members can send."""
