package parallel

var Level = 1
