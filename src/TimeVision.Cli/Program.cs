using TimeVision.Cli;

using TimeVision.Cli;

using TimeVision.Cli;

using TimeVision.Cli;

using TimeVision.Cli;

using TimeVision.Cli;

using TimeVision.Cli;

using TimeVision.Cli;

using TimeVision.Cli;

return await TimeVisionCommandLine.InvokeAsync(args);
