using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BudgetGrpc.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Disclosures",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    LatestRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disclosures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Uploads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    ErrorReason = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    RevisionId = table.Column<long>(type: "INTEGER", nullable: true),
                    DisclosureId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: true),
                    DepartmentHint = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    KeyScope = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ValidateOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    FindingsJson = table.Column<string>(type: "TEXT", nullable: true),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ContentDroppedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Uploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Revisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisclosureId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Format = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Layout = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    EngineVersion = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ParsedDepartment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmountUnit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DeclaredTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    DeclaredTotalSource = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ComputedTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    ErrorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    WarningCount = table.Column<int>(type: "INTEGER", nullable: false),
                    InfoCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectCount = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Origin = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Revisions_Disclosures_DisclosureId",
                        column: x => x.DisclosureId,
                        principalTable: "Disclosures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RevisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    DisclosureId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    RevisionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Format = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    State = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 128, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    LeaseToken = table.Column<string>(type: "TEXT", unicode: false, maxLength: 36, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastStatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SupersededById = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deliveries_Revisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "Revisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Projects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RevisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    AmountYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SourceRef = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    HeadingsJson = table.Column<string>(type: "TEXT", nullable: false),
                    AttributesJson = table.Column<string>(type: "TEXT", nullable: false),
                    EvaluationJson = table.Column<string>(type: "TEXT", nullable: true),
                    ComputedScore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Projects_Revisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "Revisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeliveryAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeliveryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkerId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliveryAttempts_Deliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "Deliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    RevisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Level1 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Level2 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Comparator = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    ValueKey = table.Column<double>(type: "REAL", nullable: true),
                    QualitativeValue = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    SourceRef = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Flags = table.Column<int>(type: "INTEGER", nullable: false),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActualValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    ActualUnit = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActualQualitativeValue = table.Column<string>(type: "TEXT", nullable: false),
                    ActualText = table.Column<string>(type: "TEXT", nullable: true),
                    Score = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    ComputedScore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    DeviationReason = table.Column<string>(type: "TEXT", nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    IsLatest = table.Column<bool>(type: "INTEGER", nullable: false),
                    FindingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HasFindings = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicators_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Indicators_Revisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "Revisions",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Objectives",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Objectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Objectives_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Findings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RevisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: false),
                    MessageEn = table.Column<string>(type: "TEXT", nullable: false),
                    ProjectCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IndicatorIndex = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceRef = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: true),
                    IndicatorId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Findings_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Findings_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Findings_Revisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "Revisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_DisclosureId_Target_State",
                table: "Deliveries",
                columns: new[] { "DisclosureId", "Target", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_IdempotencyKey",
                table: "Deliveries",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_RevisionId_Target",
                table: "Deliveries",
                columns: new[] { "RevisionId", "Target" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_State_LeaseExpiresAt",
                table: "Deliveries",
                columns: new[] { "State", "LeaseExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_State_NextAttemptAt",
                table: "Deliveries",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_Target_State_Id",
                table: "Deliveries",
                columns: new[] { "Target", "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryAttempts_DeliveryId_Number",
                table: "DeliveryAttempts",
                columns: new[] { "DeliveryId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_Department_FiscalYear_Kind",
                table: "Disclosures",
                columns: new[] { "Department", "FiscalYear", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_FiscalYear_Id",
                table: "Disclosures",
                columns: new[] { "FiscalYear", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_Status_Id",
                table: "Disclosures",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_IndicatorId",
                table: "Findings",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_ProjectId",
                table: "Findings",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_RevisionId_Ordinal",
                table: "Findings",
                columns: new[] { "RevisionId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_RuleId",
                table: "Findings",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_Department_FiscalYear_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "Department", "FiscalYear", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_FiscalYear_Level1_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "FiscalYear", "Level1", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_HasFindings_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "HasFindings", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_Level1_Level2_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "Level1", "Level2", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_Level1_Unit_ValueKey_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "Level1", "Unit", "ValueKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_Level1_ValueKey_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "Level1", "ValueKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_Unit_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "Unit", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_Unit_ValueKey_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "Unit", "ValueKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_ProjectId_Ordinal",
                table: "Indicators",
                columns: new[] { "ProjectId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_RevisionId_IsLatest",
                table: "Indicators",
                columns: new[] { "RevisionId", "IsLatest" });

            migrationBuilder.CreateIndex(
                name: "IX_Objectives_ProjectId_Ordinal",
                table: "Objectives",
                columns: new[] { "ProjectId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Projects_RevisionId_Ordinal",
                table: "Projects",
                columns: new[] { "RevisionId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_DisclosureId_Number",
                table: "Revisions",
                columns: new[] { "DisclosureId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_DisclosureId_Sha256_ContentHash",
                table: "Revisions",
                columns: new[] { "DisclosureId", "Sha256", "ContentHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_RequestId",
                table: "Revisions",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_Sha256",
                table: "Revisions",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_Uploads_KeyScope_RequestId",
                table: "Uploads",
                columns: new[] { "KeyScope", "RequestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Uploads_Outcome_Id",
                table: "Uploads",
                columns: new[] { "Outcome", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Uploads_Sha256",
                table: "Uploads",
                column: "Sha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeliveryAttempts");

            migrationBuilder.DropTable(
                name: "Findings");

            migrationBuilder.DropTable(
                name: "Objectives");

            migrationBuilder.DropTable(
                name: "Uploads");

            migrationBuilder.DropTable(
                name: "Deliveries");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "Projects");

            migrationBuilder.DropTable(
                name: "Revisions");

            migrationBuilder.DropTable(
                name: "Disclosures");
        }
    }
}
