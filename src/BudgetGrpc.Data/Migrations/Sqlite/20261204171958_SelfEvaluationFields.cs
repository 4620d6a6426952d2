using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BudgetGrpc.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SelfEvaluationFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "ComputedScore",
                table: "Projects",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EvaluationJson",
                table: "Projects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Grade",
                table: "Projects",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ActualQualitativeValue",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ActualText",
                table: "Indicators",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActualUnit",
                table: "Indicators",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "ActualValue",
                table: "Indicators",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ComputedScore",
                table: "Indicators",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeviationReason",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "Score",
                table: "Indicators",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ComputedScore",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "EvaluationJson",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Grade",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "ActualQualitativeValue",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "ActualText",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "ActualUnit",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "ActualValue",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "ComputedScore",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "DeviationReason",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Score",
                table: "Indicators");
        }
    }
}
