using KubeTriage.LoadBench;

// Parent: sandbox + server in this process, load from a child process. Child: --client URL KEY CLIENTS SECONDS.
return args.Length > 0 && args[0] == "--client"
    ? await LoadClient.RunAsync(new Uri(args[1]), args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture))
    : await LoadBenchRunner.RunAsync(args);
