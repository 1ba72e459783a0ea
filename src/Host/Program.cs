using IssueTracker.Host.Audit;
using IssueTracker.Host.Deadlines;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Host.Telemetry;
using IssueTracker.Host.Workbench;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);

builder.AddIssueTrackerStore();
builder.AddIssueTrackerAudit();
builder.AddIssueTrackerDeadlines();
builder.AddIssueTrackerAuth();
builder.AddIssueTrackerHttp();
builder.AddIssueTrackerTelemetry();
builder.AddIssueTrackerWorkbench();

var app = builder.Build();

app.UseIssueTrackerHttp();
app.UseIssueTrackerWorkbench();

return await app.RunJasperFxCommands(args);

public partial class Program;
