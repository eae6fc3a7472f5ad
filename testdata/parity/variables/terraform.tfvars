environment = "prod"
database = {
  encrypted = true
  public    = true
}
