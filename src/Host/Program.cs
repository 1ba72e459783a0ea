using IssueTracker.Host.Audit;
using IssueTracker.Host.Deadlines;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Host.Telemetry;
using IssueTracker.Host.Volunteers;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);

builder.AddIssueTrackerStore();
builder.AddIssueTrackerAudit();
builder.AddIssueTrackerDeadlines();
builder.AddIssueTrackerAuth();
builder.AddIssueTrackerHttp();
builder.AddIssueTrackerTelemetry();
builder.AddIssueTrackerVolunteers();

var app = builder.Build();

app.UseIssueTrackerHttp();

return await app.RunJasperFxCommands(args);

public partial class Program;
