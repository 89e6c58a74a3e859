/** The collections manager's KPIs. */
package br.com.regua.kpi;
