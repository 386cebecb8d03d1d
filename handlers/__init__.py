"""One module per resource; Connexion finds the functions by operationId."""
