using IssueTracker.Host.Attachments;
using IssueTracker.Host.Audit;
using IssueTracker.Host.Deadlines;
using IssueTracker.Host.Issues;
using IssueTracker.Host.Notifications;
using IssueTracker.Host.Open311;
using IssueTracker.Host.Organisations;
using IssueTracker.Host.Reliability;
using IssueTracker.Host.Reports;
using IssueTracker.Host.Telemetry;
using IssueTracker.Host.Volunteers;
using IssueTracker.Host.Workbench;
using JasperFx;

// Signing a development token needs no database: run it before the store is configured.
if (IssueTracker.Host.Cli.TokenCommand.IsRequested(args)) return await IssueTracker.Host.Cli.TokenCommand.RunAlone(args);

var builder = WebApplication.CreateBuilder(args);

builder.AddIssueTrackerStore();
builder.AddIssueTrackerDaemonWakeup();
builder.AddIssueTrackerAudit();
builder.AddIssueTrackerOrganisations();
builder.AddIssueTrackerIssueList();
builder.AddIssueTrackerDeadlines();
builder.AddIssueTrackerReports();
builder.AddIssueTrackerNotifications();
builder.AddIssueTrackerAuth();
builder.AddIssueTrackerHttp();
builder.AddIssueTrackerOpen311();
builder.AddIssueTrackerTelemetry();
builder.AddIssueTrackerAttachments();
builder.AddIssueTrackerVolunteers();
builder.AddIssueTrackerWorkbench();
// Last: it holds back the database-bound hosted services registered before it until PostgreSQL answers.
builder.AddIssueTrackerDatabaseStartup();

var app = builder.Build();

app.UseIssueTrackerHttp();
app.UseIssueTrackerWorkbench();

return await app.RunJasperFxCommands(args);

public partial class Program;
