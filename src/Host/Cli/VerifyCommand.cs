using IssueTracker.Host.Attachments;
using IssueTracker.Host.Audit;
using JasperFx.CommandLine;

namespace IssueTracker.Host.Cli;

public sealed class VerifyInput : NetCoreInput
{
    [Description("Only this street (tenant); all streets when left out")]
    public string? StreetFlag { get; set; }
}

[Description("Recomputes the hash chain of every event stream and reports any that was altered (exit code 1)", Name = "verify")]
public sealed class VerifyCommand : JasperFxAsyncCommand<VerifyInput>
{
    public override async Task<bool> Execute(VerifyInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var summary = await StoreVerification.RunAsync(store, input.StreetFlag, Console.Out, CancellationToken.None,
            host.Services.GetRequiredService<IAttachmentStore>());
        return summary.AllValid;
    }
}
