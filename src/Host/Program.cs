using IssueTracker.Host.Attachments;
using IssueTracker.Host.Audit;
using IssueTracker.Host.Deadlines;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Host.Reliability;
using IssueTracker.Host.Open311;
using IssueTracker.Host.Telemetry;
using IssueTracker.Host.Workbench;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);

builder.AddIssueTrackerStore();
builder.AddIssueTrackerAudit();
builder.AddIssueTrackerDeadlines();
builder.AddIssueTrackerAuth();
builder.AddIssueTrackerHttp();
builder.AddIssueTrackerOpen311();
builder.AddIssueTrackerTelemetry();
builder.AddIssueTrackerAttachments();
builder.AddIssueTrackerDatabaseStartup();
builder.AddIssueTrackerWorkbench();

var app = builder.Build();

app.UseIssueTrackerHttp();
app.UseIssueTrackerWorkbench();

return await app.RunJasperFxCommands(args);

public partial class Program;
