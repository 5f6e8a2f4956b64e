Console.WriteLine(string.Join(",", Consumer.Colors.Sorted));
