using TimeVision.Cli;

return await TimeVisionCommandLine.InvokeAsync(args);
