using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BudgetGrpc.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FewerValueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Indicators_IsLatest_FiscalYear_Level1_ValueKey_Id",
                table: "Indicators");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_IsLatest_ValueKey_Id",
                table: "Indicators");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_FiscalYear_Level1_ValueKey_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "FiscalYear", "Level1", "ValueKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_ValueKey_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "ValueKey", "Id" });
        }
    }
}
