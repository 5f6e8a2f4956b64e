exports.partOfDay = () => (new Date().getHours() < 12 ? 'Good morning' : 'Good afternoon');
