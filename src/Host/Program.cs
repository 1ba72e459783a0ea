using IssueTracker.Host.Audit;
using IssueTracker.Host.Deadlines;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Host.Notifications;
using IssueTracker.Host.Reliability;
using IssueTracker.Host.Open311;
using IssueTracker.Host.Telemetry;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);

builder.AddIssueTrackerStore();
builder.AddIssueTrackerAudit();
builder.AddIssueTrackerDeadlines();
builder.AddIssueTrackerNotifications();
builder.AddIssueTrackerAuth();
builder.AddIssueTrackerHttp();
builder.AddIssueTrackerOpen311();
builder.AddIssueTrackerTelemetry();
builder.AddIssueTrackerDatabaseStartup();

var app = builder.Build();

app.UseIssueTrackerHttp();

return await app.RunJasperFxCommands(args);

public partial class Program;
