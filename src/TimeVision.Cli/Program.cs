using TimeVision.Cli;

return await TimeVisionCommandLine.Build().Parse(args).InvokeAsync();
