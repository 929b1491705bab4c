SOURCE = "module.exports = {};"
