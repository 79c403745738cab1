const test = require('node:test');
const assert = require('node:assert');
const t = require('../src/temperature');

test('fahrenheit', () => {
  assert.strictEqual(t.toFahrenheit(100), 212);
  assert.strictEqual(t.toFahrenheit(-40), -40);
});

test('celsius', () => {
  assert.strictEqual(t.toCelsius(212), 100);
});

test('kelvin', () => {
  assert.strictEqual(t.toKelvin(0), 273.15);
  assert.strictEqual(t.round1(t.toKelvin(-273.15)), 0);
});
