using System.Text.Json;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Worker.Tests.Infrastructure;

namespace BudgetGrpc.Worker.Tests;

/// <summary>The acceptance: a real server on loopback, real folders, the worker as it runs in production.</summary>
public sealed class FolderImportEndToEndTests : ServerAndInboxTests
{
    private const string Agri = "样例县农业农村局";
    private const string Edu = "样例县教育局";
    private const string Menyuan = "门源县工业商务和信息化局";

    [Fact]
    public async Task Samples_are_archived_corrupt_and_forbidden_files_quarantined_with_reasons_and_unfinished_files_stay()
    {
        string[] agriSamples = ["yangli-2025-agri.xlsx", "yangli-2025-agri.csv", "yangli-2025-agri.html", "yangli-2025-agri.gb18030.csv"];
        var shas = new Dictionary<string, string>();
        foreach (var sample in agriSamples) shas[sample] = Inbox.Sha256(inbox.DropSample(Agri, sample));
        shas["yangli-2025-edu-form.xlsx"] = Inbox.Sha256(inbox.DropSample(Edu, "yangli-2025-edu-form.xlsx"));
        shas["yangli-2025-edu-form.html"] = Inbox.Sha256(inbox.DropSample(Edu, "yangli-2025-edu-form.html"));
        var docx = inbox.DropSample(Edu, "yangli-2025-edu-form.docx");
        // Word has the .docx open: its lock file sits beside it, so neither is taken yet.
        var wordLock = inbox.Drop(Edu, "~$ngli-2025-edu-form.docx", [1, 2, 3]);
        var excelLock = inbox.Drop(Agri, "~$预算草稿.xlsx", [1, 2, 3]);
        var partial = inbox.Drop(Agri, "下载中.xlsx.part", [1, 2, 3]);
        var temp = inbox.Drop(Agri, "保存中.tmp", [1, 2, 3]);
        var hidden = inbox.Drop(Agri, ".DS_Store", [1, 2, 3]);
        var corrupt = inbox.Drop(Agri, "损坏的表.xlsx", "PK\u0003\u0004 this is not a workbook"u8.ToArray());
        var corruptSha = Inbox.Sha256(corrupt);
        // The importer key may not import for this department: PERMISSION_DENIED, quarantined saying so.
        var forbidden = inbox.DropSample(Menyuan, "000_c21431a6439d21ac.txt");
        // Bytes still arriving while the job looks at it.
        var growing = Path.Combine(inbox.Department(Agri), "正在复制.csv");
        await File.WriteAllTextAsync(growing, "\"样例县农业农村局2025年部门预算项目绩效目标申报表\"\n");

        var settings = inbox.WorkerSettings(server.Url, LoopbackServer.ImporterKey);
        settings["Worker:FolderImport:StableFor"] = "00:00:02";
        await using var worker = await WorkerHost.StartAsync(settings);
        using var writing = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                await File.AppendAllTextAsync(growing, "\"101001-样例县农业农村局\",\"项目\",1,,,,,,,,,\n");
                await Task.Delay(200);
            }
        });
        var summary = await worker.RunNowAsync();
        await writing.CancelAsync();
        await writer;

        Assert.Equal(6, summary.Imported);
        Assert.Equal(2, summary.Quarantined);
        Assert.Equal(2, summary.Unstable); // the growing file and the .docx that Word holds open

        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd");
        foreach (var sample in agriSamples)
            Assert.Equal(shas[sample], Inbox.Sha256(Path.Combine(inbox.Archive, Agri, today, sample)));
        Assert.True(File.Exists(Path.Combine(inbox.Archive, Edu, today, "yangli-2025-edu-form.xlsx")));
        Assert.True(File.Exists(Path.Combine(inbox.Archive, Edu, today, "yangli-2025-edu-form.html")));

        var quarantined = Path.Combine(inbox.Quarantine, Agri, today, "损坏的表.xlsx");
        Assert.Equal(corruptSha, Inbox.Sha256(quarantined));
        using (var error = JsonDocument.Parse(await File.ReadAllTextAsync(quarantined + ".error.json")))
        {
            var root = error.RootElement;
            Assert.Equal("INVALID_ARGUMENT", root.GetProperty("status").GetString());
            Assert.Equal("UNREADABLE_FILE", root.GetProperty("reason").GetString());
            Assert.Equal(corruptSha, root.GetProperty("sha256").GetString());
            Assert.Equal(server.Url, root.GetProperty("server").GetString());
            Assert.Equal(Agri, root.GetProperty("department").GetString());
            Assert.NotEmpty(root.GetProperty("message").GetString()!);
            Assert.Equal("content", root.GetProperty("fieldViolations")[0].GetProperty("field").GetString());
            Assert.StartsWith("uploads/", root.GetProperty("metadata").GetProperty("upload").GetString());
        }
        var refused = Path.Combine(inbox.Quarantine, Menyuan, today, "000_c21431a6439d21ac.txt");
        using (var error = JsonDocument.Parse(await File.ReadAllTextAsync(refused + ".error.json")))
        {
            Assert.Equal("PERMISSION_DENIED", error.RootElement.GetProperty("status").GetString());
            Assert.Equal("FORBIDDEN_DEPARTMENT", error.RootElement.GetProperty("reason").GetString());
            Assert.Contains("API key may not import", error.RootElement.GetProperty("message").GetString());
        }

        // What was not ready, or never a table, is still where it was dropped, untouched.
        foreach (var stays in new[] { growing, docx, wordLock, excelLock, partial, temp, hidden }) Assert.True(File.Exists(stays), stays);
        Assert.False(File.Exists(forbidden));
        Assert.False(File.Exists(corrupt));

        // The service: one accepted upload per archived file, the corrupt one recorded as rejected.
        var uploads = await server.UploadsAsync();
        foreach (var (name, sha) in shas)
            Assert.Single(uploads, u => u.Sha256 == sha && u.Outcome is UploadOutcome.Created or UploadOutcome.NewRevision);
        Assert.Single(uploads, u => u.Sha256 == corruptSha && u.Outcome == UploadOutcome.Rejected);
        var disclosures = await server.DisclosuresAsync();
        Assert.Equal(4, Assert.Single(disclosures, d => d.Department == Agri && d.FiscalYear == 2025).RevisionCount);
        Assert.Equal(2, Assert.Single(disclosures, d => d.Department == Edu && d.FiscalYear == 2025).RevisionCount);
        Assert.DoesNotContain(disclosures, d => d.Department == Menyuan);

        // Word closed the document and the copy finished: the next run takes both (the copied file is no table).
        File.Delete(wordLock);
        var second = await worker.RunNowAsync();
        Assert.Equal(1, second.Imported);
        Assert.Equal(1, second.Quarantined);
        Assert.True(File.Exists(Path.Combine(inbox.Archive, Edu, today, "yangli-2025-edu-form.docx")));
        Assert.True(File.Exists(Path.Combine(inbox.Quarantine, Agri, today, "正在复制.csv.error.json")));
    }
}
