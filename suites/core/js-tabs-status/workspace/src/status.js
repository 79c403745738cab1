// Human-readable HTTP status texts for the access log.
function statusText(code) {
	switch (code) {
		case 200:
			return 'OK';
		case 204:
			return 'No Content';
		case 404:
			return 'Not Found';
		case 500:
			return 'Internal Server Error';
		default:
			return 'Unknown';
	}
}

module.exports = { statusText };
