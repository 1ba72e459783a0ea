using IssueTracker.Host.Audit;
using IssueTracker.Host.Deadlines;
using IssueTracker.Host.Infrastructure;
using IssueTracker.Host.Issues;
using IssueTracker.Host.Organisations;
using IssueTracker.Host.Telemetry;
using JasperFx;

// Signing a development token needs no database: run it before the store is configured.
if (IssueTracker.Host.Cli.TokenCommand.IsRequested(args)) return await IssueTracker.Host.Cli.TokenCommand.RunAlone(args);

var builder = WebApplication.CreateBuilder(args);

builder.AddIssueTrackerStore();
builder.AddIssueTrackerAudit();
builder.AddIssueTrackerOrganisations();
builder.AddIssueTrackerIssueList();
builder.AddIssueTrackerDeadlines();
builder.AddIssueTrackerAuth();
builder.AddIssueTrackerHttp();
builder.AddIssueTrackerTelemetry();

var app = builder.Build();

app.UseIssueTrackerHttp();

return await app.RunJasperFxCommands(args);

public partial class Program;
