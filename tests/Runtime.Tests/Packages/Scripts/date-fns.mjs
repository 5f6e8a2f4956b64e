import { format, addDays, differenceInCalendarDays, parseISO, formatISO, startOfWeek, isLeapYear } from 'date-fns';
const d = parseISO('2024-02-27T10:20:30Z');
console.log(formatISO(addDays(d, 3), { representation: 'date' }), differenceInCalendarDays(parseISO('2025-01-01'), parseISO('2024-01-01')), isLeapYear(d));
console.log(format(new Date(2024, 0, 15, 13, 5), "yyyy-MM-dd HH:mm EEEE do MMMM"), format(startOfWeek(new Date(2024, 0, 17)), 'yyyy-MM-dd'));
