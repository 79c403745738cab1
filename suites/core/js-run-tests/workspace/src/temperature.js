// Temperature conversions for the weather station feed.

function toFahrenheit(celsius) {
  return (celsius * 9) / 5 + 32;
}

function toCelsius(fahrenheit) {
  return ((fahrenheit - 32) * 5) / 9;
}

function toKelvin(celsius) {
  return celsius + 273;
}

function round1(x) {
  return Math.round(x * 10) / 10;
}

module.exports = { toFahrenheit, toCelsius, toKelvin, round1 };
