using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using TimeVision.Functions;

FunctionsApplication.CreateBuilder(args).AddTimeVision().Build().Run();
