using IssueTracker.Host.Attachments;
using IssueTracker.Host.Audit;
using IssueTracker.Host.Deadlines;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Host.Telemetry;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);

builder.AddIssueTrackerStore();
builder.AddIssueTrackerAudit();
builder.AddIssueTrackerDeadlines();
builder.AddIssueTrackerAuth();
builder.AddIssueTrackerHttp();
builder.AddIssueTrackerTelemetry();
builder.AddIssueTrackerAttachments();

var app = builder.Build();

app.UseIssueTrackerHttp();

return await app.RunJasperFxCommands(args);

public partial class Program;
