/**
 * The parameter table of CompNeuroPy's basal-ganglia model (`full_models/bgm_22/parameters.csv`,
 * CompNeuroPy 1.0.4, MIT License, Copyright (c) 2022 Oliver Maith), copied verbatim as data: rows
 * `<compartment>.<parameter>`, one column per parameter set (`general.id`: BGM_v01_p01, ...).
 * @packageDocumentation
 */

/**
 * The CSV text of the BGM parameter table.
 *
 * @example
 * ```ts
 * BGM_PARAMETERS_CSV.split('\n')[0]; // 'general.id,BGM_v01_p01,...'
 * ```
 */
export const BGM_PARAMETERS_CSV = `general.id,BGM_v01_p01,BGM_v02_p01,BGM_vTEST_pTEST,BGM_v02_p02,BGM_v03_p01,BGM_v02_p03,BGM_v03_p02,BGM_v04alt_p01,BGM_v04_p01,BGM_v02_p04,BGM_v05alt_01,BGM_v05_p02,BGM_v06_p01,BGM_v04_p02,BGM_v04oliver_p02,BGM_v04oliver_p03,BGM_v04newgpe_p01
### POPULATIONS AND NEURON PARAMS,,,,,,,,,,,,,,,,,
### CORTEX-GO PARAMS,,,,,,,,,,,,,,,,,
cor_go.size,100,100,100,100,100,100,100,100,100,100,100,1,100,1,,,
### CORTEX-PAUSE PARAMS,,,,,,,,,,,,,,,,,
cor_pause.size,100,100,100,100,100,100,100,100,100,100,100,1,100,1,,,
### CORTEX-STOP PARAMS,,,,,,,,,,,,,,,,,
cor_stop.size,100,100,100,100,100,100,100,100,100,100,100,1,100,1,,,
### STRIATUM D1 PARAMS,,,,,,,,,,,,,,,,,
str_d1.size,100,100,100,100,100,100,100,100,100,100,100,,100,,,,
str_d1.C,50,50,50,50,50,50,50,50,50,50,50,,50,,,,
str_d1.k,1.14,1.14,1.14,1.14,1.14,1.14,1.14,1.14,1.14,1.14,1.14,,1.14,,,,
str_d1.v_r,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,,-80,,,,
str_d1.v_t,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8,,-33.8,,,,
str_d1.a,0.05,0.05,0.05,0.05,0.05,0.05,0.05,0.05,0.05,0.05,0.05,,0.05,,,,
str_d1.b,-20,-20,-20,-20,-20,-20,-20,-20,-20,-20,-20,,-20,,,,
str_d1.c,-55,-55,-55,-55,-55,-55,-55,-55,-55,-55,-55,,-55,,,,
str_d1.d,377,377,377,377,377,377,377,377,377,377,377,,377,,,,
str_d1.v_peak,40,40,40,40,40,40,40,40,40,40,40,,40,,,,
str_d1.tau_ampa,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
str_d1.tau_gaba,20,20,20,20,20,20,20,20,20,20,20,,20,,,,
str_d1.E_ampa,0,0,0,0,0,0,0,0,0,0,0,,0,,,,
str_d1.E_gaba,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,,-90,,,,
str_d1.I_app,0,0,0,0,0,0,0,0,0,0,0,,0,,,,
str_d1.mean_rate_noise,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
str_d1.rate_sd_noise,2,2,2,2,2,2,2,2,2,2,2,,2,,,,
str_d1.increase_noise,35,35,35,35,52.5,35,52.5,35,35,0,35,,35,,,,
str_d1.v_init,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,,-80,,,,
str_d1.u_init,0,0,0,0,0,0,0,0,0,0,0,,0,,,,
str_d1.freq,0,0,0,0,20,0,20,0,0,0,0,,0,,,,
### STRIATUM D2 PARAMS,,,,,,,,,,,,,,,,,
str_d2.size,100,100,100,100,100,100,100,100,100,100,100,40,100,40,40,40,40
str_d2.C,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50
str_d2.k,1.14,1.14,1.14,1.14,1.14,1.14,1.14,1.14,1.14,1.14,1.14,1.14,1.14,1.14,1.14,1.14,1.14
str_d2.v_r,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80
str_d2.v_t,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8,-33.8
str_d2.a,0.05,0.05,0.05,0.05,0.05,0.05,0.05,0.05,0.05,0.05,0.05,0.05,0.05,0.05,0.05,0.05,0.05
str_d2.b,-20,-20,-20,-20,-20,-20,-20,-20,-20,-20,-20,-20,-20,-20,-20,-20,-20
str_d2.c,-55,-55,-55,-55,-55,-55,-55,-55,-55,-55,-55,-55,-55,-55,-55,-55,-55
str_d2.d,377,377,377,377,377,377,377,377,377,377,377,377,377,377,377,377,377
str_d2.v_peak,40,40,40,40,40,40,40,40,40,40,40,40,40,40,40,40,40
str_d2.tau_ampa,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10
str_d2.tau_gaba,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20
str_d2.E_ampa,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
str_d2.E_gaba,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90
str_d2.I_app,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
str_d2.mean_rate_noise,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,100,
str_d2.rate_sd_noise,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,5,
str_d2.increase_noise,40,40,40,40,60,40,60,20.0,20.0,0,35,20,35,12,12,12,
str_d2.base_mean,,,,,,,,,,,,,,,,,10
str_d2.base_noise,,,,,,,,,,,,,,,,,5
str_d2.rate_base_noise,,,,,,,,,,,,,,,,,100
str_d2.v_init,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80,-80
str_d2.u_init,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
str_d2.freq,0,0,0,0,20,0,20,0,0,0,20,20,0,0,0,0,0
### STRIATUM FSI PARAMS,,,,,,,,,,,,,,,,,
str_fsi.size,100,100,100,100,100,100,100,100,100,100,100,8,100,8,8,8,8
str_fsi.C,80,1,80,1,1,1,80,1,1,1,1,1,1,1,1,1,1
str_fsi.k,1,0.065839636773661,1,0.065839636773661,0.065839636773661,0.065839636773661,1,0.065839636773661,0.065839636773661,0.065839636773661,0.065839636773661,0.065839636773661,0.065839636773661,0.065839636773661,0.065839636773661,0.065839636773661,0.065839636773661
str_fsi.v_r,-70,-70.04,-70,-70.04,-70.04,-70.04,-70,-70.04,-70.04,-70.04,-70.04,-70.04,-70.04,-70.04,-70.04,-70.04,-70.04
str_fsi.v_t,-50,-62.9786645313085,-50,-62.9786645313085,-62.9786645313085,-62.9786645313085,-50,-62.9786645313085,-62.9786645313085,-62.9786645313085,-62.9786645313085,-62.9786645313085,-62.9786645313085,-62.9786645313085,-62.9786645313085,-62.9786645313085,-62.9786645313085
str_fsi.v_b,-55,,-55,,,,-55,,,,,,,,,,
str_fsi.a,0.2,0.392079989888974,0.2,0.392079989888974,0.392079989888974,0.392079989888974,0.2,0.392079989888974,0.392079989888974,0.392079989888974,0.392079989888974,0.392079989888974,0.392079989888974,0.392079989888974,0.392079989888974,0.392079989888974,0.392079989888974
str_fsi.a_n,,0.008397180246011,,0.008397180246011,0.008397180246011,0.008397180246011,,0.008397180246011,0.008397180246011,0.008397180246011,0.008397180246011,0.008397180246011,0.008397180246011,0.008397180246011,0.008397180246011,0.008397180246011,0.008397180246011
str_fsi.a_s,,0.0086340472866,,0.0086340472866,0.0086340472866,0.0086340472866,,0.0086340472866,0.0086340472866,0.0086340472866,0.0086340472866,0.0086340472866,0.0086340472866,0.0086340472866,0.0086340472866,0.0086340472866,0.0086340472866
str_fsi.b,0.025,0.192476171887765,0.025,0.192476171887765,0.192476171887765,0.192476171887765,0.025,0.192476171887765,0.192476171887765,0.192476171887765,0.192476171887765,0.192476171887765,0.192476171887765,0.192476171887765,0.192476171887765,0.192476171887765,0.192476171887765
str_fsi.b_n,,0.858226502699901,,0.858226502699901,0.858226502699901,0.858226502699901,,0.858226502699901,0.858226502699901,0.858226502699901,0.858226502699901,0.858226502699901,0.858226502699901,0.858226502699901,0.858226502699901,0.858226502699901,0.858226502699901
str_fsi.c,-60,-76.8552343719786,-60,-76.8552343719786,-76.8552343719786,-76.8552343719786,-60,-76.8552343719786,-76.8552343719786,-76.8552343719786,-76.8552343719786,-76.8552343719786,-76.8552343719786,-76.8552343719786,-76.8552343719786,-76.8552343719786,-76.8552343719786
str_fsi.d,0,1.93410717631191,0,1.93410717631191,1.93410717631191,1.93410717631191,0,1.93410717631191,1.93410717631191,1.93410717631191,1.93410717631191,1.93410717631191,1.93410717631191,1.93410717631191,1.93410717631191,1.93410717631191,1.93410717631191
str_fsi.v_peak,25,30,25,30,30,30,25,30,30,30,30,30,30,30,30,30,30
str_fsi.tau_ampa,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10
str_fsi.tau_gaba,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20
str_fsi.E_ampa,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
str_fsi.E_gaba,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90
str_fsi.I_app,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
str_fsi.mean_rate_noise,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,100,
str_fsi.rate_sd_noise,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,5,
str_fsi.increase_noise,64,64,64,0.8,0.8,0.8,64,8.0,5.0,0,8.0,0.5,8.0,0.5,0.5,0.5,
str_fsi.base_mean,,,,,,,,,,,,,,,,,3.8
str_fsi.base_noise,,,,,,,,,,,,,,,,,0.1
str_fsi.rate_base_noise,,,,,,,,,,,,,,,,,100
str_fsi.v_init,-70,-70,-70,-70,-70,-70,-70,-70,-70,-70,-70,-70,-70,-70,-70,-70,-70
str_fsi.u_init,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
str_fsi.s_init,,0,,0,0,0,,0,0,0,0,0,0,0,0,0,0
str_fsi.n_init,,0,,0,0,0,,0,0,0,0,0,0,0,0,0,0
str_fsi.x,,2.05780715954647,,2.05780715954647,2.05780715954647,2.05780715954647,,2.05780715954647,2.05780715954647,2.05780715954647,2.05780715954647,2.05780715954647,2.05780715954647,2.05780715954647,2.05780715954647,2.05780715954647,2.05780715954647
### STN PARAMS,,,,,,,,,,,,,,,,,
stn.size,100,100,100,100,100,100,100,100,100,100,100,,100,,,,
stn.a,0.005,0.005,0.005,0.005,0.005,0.005,0.005,0.005,0.005,0.005,0.005,,0.005,,,,
stn.b,0.265,0.265,0.265,0.265,0.265,0.265,0.265,0.265,0.265,0.265,0.265,,0.265,,,,
stn.c,-65,-65,-65,-65,-65,-65,-65,-65,-65,-65,-65,,-65,,,,
stn.d,2,2,2,2,2,2,2,2,2,2,2,,2,,,,
stn.tau_ampa,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
stn.tau_gaba,20,20,20,20,20,20,20,20,20,20,20,,20,,,,
stn.E_ampa,0,0,0,0,0,0,0,0,0,0,0,,0,,,,
stn.E_gaba,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,,-90,,,,
stn.I_app,0,0,0,0,0,0,0,0,0,0,0,,0,,,,
stn.mean_rate_noise,400,400,400,400,400,400,400,400,400,400,400,,400,,,,
stn.rate_sd_noise,80,80,80,80,80,80,80,80,80,80,80,,80,,,,
stn.increase_noise,0.02,0.02,0.02,0.02,0.02,0.02,0.02,0.02,0.02,0,0.02,,0.02,,,,
stn.v_init,-69.42,-69.42,-69.42,-69.42,-69.42,-69.42,-69.42,-69.42,-69.42,-69.42,-69.42,,-69.42,,,,
stn.u_init,-14.34,-14.34,-14.34,-14.34,-14.34,-14.34,-14.34,-14.34,-14.34,-14.34,-14.34,,-14.34,,,,
### SNr PARAMS,,,,,,,,,,,,,,,,,
snr.size,100,100,100,100,100,100,100,100,100,100,100,,100,,,,
snr.a,0.005,0.005,0.005,0.005,0.005,0.005,0.005,0.005,0.005,0.005,0.005,,0.005,,,,
snr.b,0.585,0.585,0.585,0.585,0.585,0.585,0.585,0.585,0.585,0.585,0.585,,0.585,,,,
snr.c,-65,-65,-65,-65,-65,-65,-65,-65,-65,-65,-65,,-65,,,,
snr.d,4,4,4,4,4,4,4,4,4,4,4,,4,,,,
snr.tau_ampa,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
snr.tau_gaba,20,20,20,20,20,20,20,20,20,20,20,,20,,,,
snr.E_ampa,0,0,0,0,0,0,0,0,0,0,0,,0,,,,
snr.E_gaba,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,,-90,,,,
snr.I_app,0,0,0,0,0,0,0,0,0,0,0,,0,,,,
snr.mean_rate_noise,400,400,400,400,400,400,400,400,400,400,400,,400,,,,
snr.rate_sd_noise,80,80,80,80,80,80,80,80,80,80,80,,80,,,,
snr.increase_noise,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0,0.1,,0.1,,,,
snr.v_init,-69.9,-69.9,-69.9,-69.9,-69.9,-69.9,-69.9,-69.9,-69.9,-69.9,-69.9,,-69.9,,,,
snr.u_init,-14.08,-14.08,-14.08,-14.08,-14.08,-14.08,-14.08,-14.08,-14.08,-14.08,-14.08,,-14.08,,,,
### GPE-PROTO PARAMS,"optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.",,"optimized fit of Abdi,Mallet et al.",,,,"refitted, data from Bogacz et al. 2016"
gpe_proto.size,100,100,100,100,100,100,100,100,100,100,100,,100,,,,8
gpe_proto.a,0.0058,0.005,0.0058,0.005,0.005,0.005,0.0058,0.1,0.0058,0.005,0.1,,0.1,,,,0.004894445882993
gpe_proto.b,0.56,0.56,0.56,0.56,0.56,0.56,0.56,0.2,0.56,0.56,0.2,,0.2,,,,0.230063423841884
gpe_proto.c,-65,-65,-65,-65,-65,-65,-65,-65,-65,-65,-65,,-65,,,,-67.2377603889539
gpe_proto.d,3.8,3.8,3.8,3.8,3.8,3.8,3.8,3.8,3.8,3.8,3.8,,3.8,,,,4.91730327456637
gpe_proto.n0,117,117,117,117,117,117,117,117,117,117,117,,117,,,,63.5941887514228
gpe_proto.n1,4.86,4.86,4.86,4.86,4.86,4.86,4.86,4.86,4.86,4.86,4.86,,4.86,,,,3.34231405770416
gpe_proto.n2,0.043,0.043,0.043,0.043,0.043,0.043,0.043,0.043,0.043,0.043,0.043,,0.043,,,,0.050503169997306
gpe_proto.refractory,5,5,5,5,5,5,5,5,5,5,5,,5,,,,
gpe_proto.tau_ampa,10,10,10,10,10,10,10,10,10,10,10,,10,,,,10
gpe_proto.tau_gaba,20,20,20,20,20,20,20,20,20,20,20,,20,,,,20
gpe_proto.E_ampa,0,0,0,0,0,0,0,0,0,0,0,,0,,,,0
gpe_proto.E_gaba,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,,-90,,,,-90
gpe_proto.I_app,0,0,0,0,0,0,0,0,0,0,0,,0,,,,0
gpe_proto.mean_rate_noise,400,400,400,400,400,400,400,400,400,400,400,,400,,,,
gpe_proto.rate_sd_noise,80,80,80,80,80,80,80,80,80,80,80,,80,,,,
gpe_proto.increase_noise,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.15,0.1,0,0.15,,0.15,,,,
gpe_proto.base_mean,,,,,,,,,,,,,,,,,0
gpe_proto.base_noise,,,,,,,,,,,,,,,,,5
gpe_proto.rate_base_noise,,,,,,,,,,,,,,,,,100
gpe_proto.v_init,-65,-65,-65,-65,-65,-65,-65,-65,-65,-65,-65,,-65,,,,-67
gpe_proto.u_init,-17.34,-17.34,-17.34,-17.34,-17.34,-17.34,-17.34,-17.34,-17.34,-17.34,-17.34,,-17.34,,,,-14
gpe_proto.freq,,,,,,,,,,,20,,0,,,,
gpe_proto.nonlin,,,,,,,,,,,,,,,,,1.24211891385612
### GPE-ARKY PARAMS,"optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","optimized fit of Abdi,Mallet et al.","refitted, data from Bogacz et al. 2016"
gpe_arky.size,100,100,100,100,100,100,100,100,100,100,100,8,100,8,8,8,NOT IN MODEL VERSION
gpe_arky.a,0.0054,0.0054,0.0054,0.0054,0.0054,0.0054,0.0054,0.0054,0.0054,0.0054,0.0054,0.0054,0.0054,0.0054,0.0054,0.0054,0.007839724855153
gpe_arky.b,0.34,0.34,0.34,0.34,0.34,0.34,0.34,0.34,0.34,0.34,0.34,0.34,0.34,0.34,0.34,0.34,0.244053762830856
gpe_arky.c,-71,-71,-71,-71,-71,-71,-71,-71,-71,-71,-71,-71,-71,-71,-71,-71,-63.4413477316561
gpe_arky.d,9.81,9.81,9.81,9.81,9.81,9.81,9.81,9.81,9.81,9.81,9.81,9.81,9.81,9.81,9.81,9.81,11.5317860069174
gpe_arky.n0,113,113,113,113,113,113,113,113,113,113,113,113,113,113,113,113,56.6438753002389
gpe_arky.n1,4.47,4.47,4.47,4.47,4.47,4.47,4.47,4.47,4.47,4.47,4.47,4.47,4.47,4.47,4.47,4.47,3.41755665893423
gpe_arky.n2,0.04,0.04,0.04,0.04,0.04,0.04,0.04,0.04,0.04,0.04,0.04,0.04,0.04,0.04,0.04,0.04,0.045725149196711
gpe_arky.refractory,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,5,
gpe_arky.tau_ampa,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10,10
gpe_arky.tau_gaba,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20,20
gpe_arky.E_ampa,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
gpe_arky.E_gaba,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90
gpe_arky.I_app,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0
gpe_arky.mean_rate_noise,400,400,400,400,400,400,400,400,400,400,400,400,400,400,400,100,100
gpe_arky.rate_sd_noise,80,80,80,80,80,80,80,80,80,80,80,80,80,80,80,5,5
gpe_arky.increase_noise,0.09,0.09,0.09,0.09,0.09,0.09,0.09,0.09,0,0,0.09,0.14,0.09,0.15,0.15,0.15,0
gpe_arky.v_init,-71,-71,-71,-71,-71,-71,-71,-71,-71,-71,-71,-71,-71,-71,-71,-71,-63
gpe_arky.u_init,-2.71,-2.71,-2.71,-2.71,-2.71,-2.71,-2.71,-2.71,-2.71,-2.71,-2.71,-2.71,-2.71,-2.71,-2.71,-2.71,-15
gpe_arky.freq,,,,,,,,,,,,20,,,,,
gpe_arky.nonlin,,,,,,,,,,,,,,,,,1.25375634987808
### GPE-CP PARAMS,just like gpe proto,just like gpe proto,just like gpe proto,just like gpe proto,just like gpe proto,just like gpe proto,just like gpe proto,just like gpe proto,just like gpe proto,just like gpe proto,just like gpe proto,,just like gpe proto,,,,
gpe_cp.size,100,100,100,100,100,100,100,100,100,100,100,,100,,,,
gpe_cp.a,0.0058,0.0058,0.0058,0.0058,0.0058,0.0058,0.0058,0.0058,0.0058,0.0058,0.0058,,0.0058,,,,
gpe_cp.b,0.56,0.56,0.56,0.56,0.56,0.56,0.56,0.56,0.56,0.56,0.56,,0.56,,,,
gpe_cp.c,-65,-65,-65,-65,-65,-65,-65,-65,-65,-65,-65,,-65,,,,
gpe_cp.d,3.8,3.8,3.8,3.8,3.8,3.8,3.8,3.8,3.8,3.8,3.8,,3.8,,,,
gpe_cp.n0,117,117,117,117,117,117,117,117,117,117,117,,117,,,,
gpe_cp.n1,4.86,4.86,4.86,4.86,4.86,4.86,4.86,4.86,4.86,4.86,4.86,,4.86,,,,
gpe_cp.n2,0.043,0.043,0.043,0.043,0.043,0.043,0.043,0.043,0.043,0.043,0.043,,0.043,,,,
gpe_cp.refractory,5,5,5,5,5,5,5,5,5,5,5,,5,,,,
gpe_cp.tau_ampa,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
gpe_cp.tau_gaba,20,20,20,20,20,20,20,20,20,20,20,,20,,,,
gpe_cp.E_ampa,0,0,0,0,0,0,0,0,0,0,0,,0,,,,
gpe_cp.E_gaba,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,,-90,,,,
gpe_cp.I_app,0,0,0,0,0,0,0,0,0,0,0,,0,,,,
gpe_cp.mean_rate_noise,400,400,400,400,400,400,400,400,400,400,400,,400,,,,
gpe_cp.rate_sd_noise,80,80,80,80,80,80,80,80,80,80,80,,80,,,,
gpe_cp.increase_noise,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0,0.1,,0.1,,,,
gpe_cp.v_init,-65,-65,-65,-65,-65,-65,-65,-65,-65,-65,-65,,-65,,,,
gpe_cp.u_init,-17.34,-17.34,-17.34,-17.34,-17.34,-17.34,-17.34,-17.34,-17.34,-17.34,-17.34,,-17.34,,,,
### THALAMUS PARAMS,,,,,,,,,,,,,,,,,
thal.size,100,100,100,100,100,100,100,100,100,100,100,,100,,,,
thal.a,0.02,0.02,0.02,0.02,0.02,0.02,0.02,0.02,0.02,0.02,0.02,,0.02,,,,
thal.b,0.2,0.2,0.2,0.2,0.2,0.2,0.2,0.2,0.2,0.2,0.2,,0.2,,,,
thal.c,-65,-65,-65,-65,-65,-65,-65,-65,-65,-65,-65,,-65,,,,
thal.d,6,6,6,6,6,6,6,6,6,6,6,,6,,,,
thal.tau_ampa,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
thal.tau_gaba,20,20,20,20,20,20,20,20,20,20,20,,20,,,,
thal.E_ampa,0,0,0,0,0,0,0,0,0,0,0,,0,,,,
thal.E_gaba,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,-90,,-90,,,,
thal.I_app,5,5,5,5,5,5,5,5,5,5,5,,5,,,,
thal.mean_rate_noise,150,150,150,150,150,150,150,150,150,150,150,,150,,,,
thal.rate_sd_noise,30,30,30,30,30,30,30,30,30,30,30,,30,,,,
thal.increase_noise,0.035,0.035,0.035,0.035,0.035,0.035,0.035,0.035,0.035,0,0.035,,0.035,,,,
thal.v_init,-73.89,-73.89,-73.89,-73.89,-73.89,-73.89,-73.89,-73.89,-73.89,-73.89,-73.89,,-73.89,,,,
thal.u_init,-6.1,-6.1,-6.1,-6.1,-6.1,-6.1,-6.1,-6.1,-6.1,-6.1,-6.1,,-6.1,,,,
### INTEGRATOR-GO PARAMS,,,,,,,,,,,,,,,,,
integrator_go.size,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
integrator_go.tau,200,200,200,200,200,200,200,200,200,200,200,,200,,,,
integrator_go.threshold,0.13,0.13,0.13,0.13,0.13,0.13,0.13,0.13,0.13,0.13,0.13,,0.13,,,,
integrator_go.neuron_id,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
### INTEGRATOR-STOP PARAMS,,,,,,,,,,,,,,,,,
integrator_stop.size,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
integrator_stop.tau,30,30,30,30,30,30,30,30,30,30,30,,30,,,,
integrator_stop.threshold,0.13,0.13,0.13,0.13,0.13,0.13,0.13,0.13,0.13,0.13,0.13,,0.13,,,,
integrator_stop.neuron_id,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
### PROJECTION AND SYNAPSE PARAMS,,,,,,,,,,,,,,,,,
### CORTEX GO - STR D1 PROJECTION PARAMS,,,,,,,,,,,,,,,,,
cor_go__str_d1.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
cor_go__str_d1.number,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
cor_go__str_d1.mod_factor,1.85,1.85,1.85,1.85,2.775,1.85,2.775,0,0,"1,85",0,,0,,,,
cor_go__str_d1.max_trans,700,700,700,700,700,700,700,700,700,700,700,,700,,,,
cor_go__str_d1.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
cor_go__str_d1.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5.1,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### CORTEX GO - STR D2 PROJECTION PARAMS,,,,,,,,,,,,,,,,,
cor_go__str_d2.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,,
cor_go__str_d2.number,1,1,1,1,1,1,1,1,1,1,1,1,1,1,,,
cor_go__str_d2.mod_factor,1.75,1.75,1.75,1.75,2.625,1.75,2.625,0,0,1.75,3.0,0,3.0,0,,,
cor_go__str_d2.max_trans,700,700,700,700,700,700,700,700,700,700,700,700,700,700,,,
cor_go__str_d2.weights,1,1,1,1,1,1,1,1,1,1,1,1,1,1,,,
cor_go__str_d2.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5.1,"Uniform(0.0, 10.0)",5.1,5.1,"Uniform(0.0, 10.0)",5.1,5.1,5.1,5.1,,,
### CORTEX GO - STR FSI PROJECTION PARAMS,,,,,,,,,,,,,,,,,
cor_go__str_fsi.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,,
cor_go__str_fsi.number,1,1,1,1,1,1,1,1,1,1,1,1,1,1,,,
cor_go__str_fsi.mod_factor,2.8,2.8,2.8,0.0105,0.0105,0,2.8,0,0,0.0105,0.4,0,0.4,0,,,
cor_go__str_fsi.max_trans,700,700,700,700,700,700,700,700,700,700,700,700,700,700,,,
cor_go__str_fsi.weights,1,1,1,1,1,1,1,1,1,1,1,1,1,1,,,
cor_go__str_fsi.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5.1,"Uniform(0.0, 10.0)",5.1,5.1,"Uniform(0.0, 10.0)",5.1,5.1,5.1,5.1,,,
### CORTEX GO - THAL PROJECTION PARAMS,,,,,,,,,,,,,,,,,
cor_go__thal.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
cor_go__thal.number,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
cor_go__thal.mod_factor,0.04,0.04,0.04,0.04,0.04,0.04,0.04,0,0,0.04,0,,0,,,,
cor_go__thal.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
cor_go__thal.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
cor_go__thal.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5.6,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### CORTEX STOP - GPE ARKY PROJECTION PARAMS,,,,,,,,,,,,,,,,,
cor_stop__gpe_arky.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,,
cor_stop__gpe_arky.number,1,1,1,1,1,1,1,1,1,1,1,1,1,1,,,
cor_stop__gpe_arky.mod_factor,0.15,0.15,0.15,0.15,0.15,0.15,0.15,0,0,0.15,0,0,0,0,,,
cor_stop__gpe_arky.max_trans,14,14,14,14,14,14,14,14,14,14,14,14,14,14,,,
cor_stop__gpe_arky.weights,1,1,1,1,1,1,1,1,1,1,1,1,1,1,,,
cor_stop__gpe_arky.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5.1,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5.1,"Uniform(0.0, 10.0)",5.1,,,
### CORTEX STOP - GPE CP PROJECTION PARAMS,,,,,,,,,,,,,,,,,
cor_stop__gpe_cp.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
cor_stop__gpe_cp.number,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
cor_stop__gpe_cp.mod_factor,0.065,0.065,0.065,0.065,0.065,0.065,0.065,0,0,0.065,0,,0,,,,
cor_stop__gpe_cp.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
cor_stop__gpe_cp.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
cor_stop__gpe_cp.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5.1,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### CORTEX PAUSE - STN PROJECTION PARAMS,,,,,,,,,,,,,,,,,
cor_pause__stn.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
cor_pause__stn.number,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
cor_pause__stn.mod_factor,0.02,0.02,0.02,0.02,0.02,0.02,0.02,0,0,0.02,0,,0,,,,
cor_pause__stn.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
cor_pause__stn.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
cor_pause__stn.delays,0,0,0,0,0,5.9,0,0,0,0,0,,0,,,,
### STRD1 - SNR PROJECTION PARAMS,,,,,,,,,,,,,,,,,
str_d1__snr.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
str_d1__snr.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
str_d1__snr.mod_factor,0.06,0.06,0.06,0.06,0.06,0.06,0.06,0,0,0.06,0,,0,,,,
str_d1__snr.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
str_d1__snr.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
str_d1__snr.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",4,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### STRD1 - GPE-CP PROJECTION PARAMS,,,,,,,,,,,,,,,,,
str_d1__gpe_cp.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
str_d1__gpe_cp.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
str_d1__gpe_cp.mod_factor,0.005,0.005,0.005,0.005,0.005,0.005,0.005,0,0,0.005,0,,0,,,,
str_d1__gpe_cp.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
str_d1__gpe_cp.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
str_d1__gpe_cp.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",4,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### STRD1 - STRD1 PROJECTION PARAMS,,,,,,,,,,,,,,,,,
str_d1__str_d1.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
str_d1__str_d1.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
str_d1__str_d1.mod_factor,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0,0,0.5,0,,0,,,,
str_d1__str_d1.max_trans,700,700,700,700,700,700,700,700,700,700,700,,700,,,,
str_d1__str_d1.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
str_d1__str_d1.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### STRD1 - STRD2 PROJECTION PARAMS,,,,,,,,,,,,,,,,,
str_d1__str_d2.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
str_d1__str_d2.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
str_d1__str_d2.mod_factor,0.75,0.75,0.75,0.75,0.75,0.75,0.75,0,0,0.75,0,,0,,,,
str_d1__str_d2.max_trans,700,700,700,700,700,700,700,700,700,700,700,,700,,,,
str_d1__str_d2.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
str_d1__str_d2.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",2,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### STRD2 - GPE-PROTO PROJECTION PARAMS,,,,,,,,,,,,,,,,,
str_d2__gpe_proto.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,connect_fixed_probability
str_d2__gpe_proto.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
str_d2__gpe_proto.probability,,,,,,,,,,,,,,,,,0.375
str_d2__gpe_proto.mod_factor,0.04,0.04,0.04,0.04,0.04,0.04,0.04,0.1,0,0.04,0.1,,0.1,,,,0
str_d2__gpe_proto.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
str_d2__gpe_proto.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,1
str_d2__gpe_proto.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5,"Uniform(0.0, 10.0)",5,5,"Uniform(0.0, 10.0)",5,,5,,,,"Normal(5.0,0.5,0,7.0)"
### STRD2 - GPE-ARKY PROJECTION PARAMS,,,,,,,,,,,,,,,,,
str_d2__gpe_arky.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_probability,connect_fixed_number_pre,connect_fixed_probability,connect_fixed_probability,connect_fixed_probability,
str_d2__gpe_arky.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
str_d2__gpe_arky.probability,,,,,,,,,,,,0.7,,0.375,0.375,0.375,
str_d2__gpe_arky.mod_factor,0.08,0.08,0.08,0.08,0.08,ffre,0.08,0,0,0.08,0,0,0,0,0,0,
str_d2__gpe_arky.max_trans,14,14,14,14,14,14,14,14,14,14,14,14,14,14,,,
str_d2__gpe_arky.weights,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
str_d2__gpe_arky.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Normal(5.0,0.5,0,7.0)","Uniform(0.0, 10.0)","Normal(5.0,0.5,0,7.0)","Normal(5.0,0.5,0,7.0)","Normal(5.0,0.5,0,7.0)",
### STRD2 - STRD1 PROJECTION PARAMS,,,,,,,,,,,,,,,,,
str_d2__str_d1.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
str_d2__str_d1.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
str_d2__str_d1.mod_factor,0.75,0.75,0.75,0.75,0.75,0.75,0.75,0,0,0.75,0,,0,,,,
str_d2__str_d1.max_trans,700,700,700,700,700,700,700,700,700,700,700,,700,,,,
str_d2__str_d1.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
str_d2__str_d1.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",2,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### STRD2 - STRD2 PROJECTION PARAMS,,,,,,,,,,,,,,,,,
str_d2__str_d2.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_probability,connect_fixed_number_pre,connect_fixed_probability,connect_fixed_probability,connect_fixed_probability,connect_fixed_probability
str_d2__str_d2.number,10,10,10,10,10,10,10,10,10,10,10,0,10,,,,
str_d2__str_d2.probability,,,,,,,,,,,,0.35,,0.35,0.35,0.35,0.35
str_d2__str_d2.mod_factor,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0,0.5,0,0,0,0
str_d2__str_d2.max_trans,700,700,700,700,700,700,700,700,700,700,700,700,700,700,,,
str_d2__str_d2.weights,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1
str_d2__str_d2.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Normal(1.0,0.3,0,2.2)","Uniform(0.0, 10.0)","Normal(1.0,0.3,0,2.2)","Normal(1.0,0.3,0,2.2)","Normal(1.0,0.3,0,2.2)","Normal(1.0,0.3,0,2.2)"
### STRD2 - GPE-CP PROJECTION PARAMS,,,,,,,,,,,,,,,,,
str_d2__gpe_cp.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
str_d2__gpe_cp.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
str_d2__gpe_cp.mod_factor,0.08,0.08,0.08,0.08,0.08,0.08,0.08,0,0,0.08,0,,0,,,,
str_d2__gpe_cp.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
str_d2__gpe_cp.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
str_d2__gpe_cp.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### STRFSI - STRD1 PROJECTION PARAMS,,,,,,,,,,,,,,,,,
str_fsi__str_d1.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
str_fsi__str_d1.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
str_fsi__str_d1.mod_factor,0.5,0.5,0.5,0.6,1.8,0.6,1,0,0,0.6,0,,0,,,,
str_fsi__str_d1.max_trans,700,700,700,700,700,700,700,700,700,700,700,,700,,,,
str_fsi__str_d1.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
str_fsi__str_d1.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",2,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### STRFSI - STRD2 PROJECTION PARAMS,,,,,,,,,,,,,,,,,
str_fsi__str_d2.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_probability,connect_fixed_number_pre,connect_fixed_probability,connect_fixed_probability,connect_fixed_probability,connect_fixed_probability
str_fsi__str_d2.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
str_fsi__str_d2.probability,,,,,,,,,,,,0.75,,0.375,0.375,0.75,0.75
str_fsi__str_d2.mod_factor,0.5,0.5,0.5,0.6,1.8,0.6,1,1.2,1.2,0.6,2.4,0,2.4,0,0,0,0
str_fsi__str_d2.max_trans,700,700,700,700,700,700,700,700,700,700,700,700,700,700,,,
str_fsi__str_d2.weights,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1
str_fsi__str_d2.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",2,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Normal(1.0,0.3,0,2.2)","Uniform(0.0, 10.0)","Normal(1.0,0.3,0,2.2)","Normal(1.0,0.3,0,2.2)","Normal(1.0,0.3,0,2.2)","Normal(1.0,0.3,0,2.2)"
### STRFSI - STRFSI PROJECTION PARAMS,,,,,,,,,,,,,,,,,
str_fsi__str_fsi.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_probability,connect_fixed_number_pre,connect_fixed_probability,connect_fixed_probability,connect_fixed_probability,connect_fixed_probability
str_fsi__str_fsi.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
str_fsi__str_fsi.probability,,,,,,,,,,,,0.625,,0.625,0.625,0.625,0.625
str_fsi__str_fsi.mod_factor,0.8,0.8,0.8,0.036,0.036,0,0.8,0.5,0.5,0.036,0.5,0,0.5,0,0,0,0
str_fsi__str_fsi.max_trans,1120,1120,1120,1120,1120,1120,1120,1120,1120,1120,1120,1120,1120,1120,,,
str_fsi__str_fsi.weights,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1
str_fsi__str_fsi.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Normal(1.0,0.3,0,2.2)","Uniform(0.0, 10.0)","Normal(1.0,0.3,0,2.2)","Normal(1.0,0.3,0,2.2)","Normal(1.0,0.3,0,2.2)","Normal(1.0,0.3,0,2.2)"
### STN - SNR PROJECTION PARAMS,,,,,,,,,,,,,,,,,
stn__snr.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
stn__snr.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
stn__snr.mod_factor,0.04,0.04,0.04,0.04,0.04,0.04,0.04,0,0,0.04,0,,0,,,,
stn__snr.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
stn__snr.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
stn__snr.delays,10,10,10,10,10,1.5,10,10,10,10,10,,10,,,,
### STN - GPE-PROTO PROJECTION PARAMS,,,,,,,,,,,,,,,,,
stn__gpe_proto.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
stn__gpe_proto.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
stn__gpe_proto.mod_factor,0.001,0.001,0.001,0.001,0.001,0.001,0.001,0,0,0.001,0,,0,,,,
stn__gpe_proto.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
stn__gpe_proto.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
stn__gpe_proto.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",2,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### STN - GPE-ARKY PROJECTION PARAMS,,,,,,,,,,,,,,,,,
stn__gpe_arky.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
stn__gpe_arky.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
stn__gpe_arky.mod_factor,0.001,0,0.001,0.001,0.001,0.001,0.001,0,0,0,0,,0,,,,
stn__gpe_arky.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
stn__gpe_arky.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
stn__gpe_arky.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",2,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### STN - GPE-CP PROJECTION PARAMS,,,,,,,,,,,,,,,,,
stn__gpe_cp.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
stn__gpe_cp.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
stn__gpe_cp.mod_factor,0.001,0.001,0.001,0.001,0.001,0.001,0.001,0,0,0.001,0,,0,,,,
stn__gpe_cp.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
stn__gpe_cp.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
stn__gpe_cp.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",2,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### GPE-PROTO - STN PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_proto__stn.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
gpe_proto__stn.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
gpe_proto__stn.mod_factor,0.001,0.001,0.001,0.001,0.001,0.001,0.001,0,0,0.001,0,,0,,,,
gpe_proto__stn.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
gpe_proto__stn.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
gpe_proto__stn.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",4,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### GPE-PROTO - SNR PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_proto__snr.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
gpe_proto__snr.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
gpe_proto__snr.mod_factor,0.015,0.015,0.015,0.015,0.015,0.015,0.015,0,0,0.015,0,,0,,,,
gpe_proto__snr.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
gpe_proto__snr.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
gpe_proto__snr.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",3,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### GPE-PROTO - GPE-ARKY PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_proto__gpe_arky.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
gpe_proto__gpe_arky.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
gpe_proto__gpe_arky.mod_factor,0.025,0.025,0.025,0.025,0.025,0.025,0.025,0,0,0.025,0,,0,,,,
gpe_proto__gpe_arky.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
gpe_proto__gpe_arky.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
gpe_proto__gpe_arky.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",2,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### GPE-PROTO - STRFSI PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_proto__str_fsi.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,connect_fixed_probability
gpe_proto__str_fsi.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
gpe_proto__str_fsi.probability,,,,,,,,,,,,,,,,,0.375
gpe_proto__str_fsi.mod_factor,1.6,1.6,1.6,0.024,0.024,0,1.6,1.0,0,0.024,1.0,,1.0,,,,0
gpe_proto__str_fsi.max_trans,1120,1120,1120,1120,1120,1120,1120,1120,1120,1120,1120,,1120,,,,
gpe_proto__str_fsi.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,1
gpe_proto__str_fsi.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",2,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,"Normal(5.0,0.5,0,7.0)"
### GPE-PROTO - GPE-CP PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_proto__gpe_cp.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
gpe_proto__gpe_cp.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
gpe_proto__gpe_cp.mod_factor,0.025,0.025,0.025,0.025,0.025,0.025,0.025,0,0,0.025,0,,0,,,,
gpe_proto__gpe_cp.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
gpe_proto__gpe_cp.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
gpe_proto__gpe_cp.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",2,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### GPE-ARKY - STRD1 PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_arky__str_d1.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
gpe_arky__str_d1.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
gpe_arky__str_d1.mod_factor,3.25,3.25,3.25,3.25,3.25,3.25,3.25,0,0,3.25,0,,0,,,,
gpe_arky__str_d1.max_trans,700,700,700,700,700,700,700,700,700,700,700,,700,,,,
gpe_arky__str_d1.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
gpe_arky__str_d1.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### GPE-ARKY - STRD2 PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_arky__str_d2.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,,
gpe_arky__str_d2.number,10,10,10,10,10,10,10,10,10,10,10,10,10,10,,,
gpe_arky__str_d2.mod_factor,6,6,6,6,6,6,6,0,0,6,0,0,0,0,,,
gpe_arky__str_d2.max_trans,700,700,700,700,700,700,700,700,700,700,700,700,700,700,,,
gpe_arky__str_d2.weights,1,1,1,1,1,1,1,1,1,1,1,1,1,1,,,
gpe_arky__str_d2.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Normal(5.0,0.5,0,7.0)","Uniform(0.0, 10.0)","Normal(5.0,0.5,0,7.0)",,,
### GPE-ARKY - GPE-PROTO PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_arky__gpe_proto.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
gpe_arky__gpe_proto.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
gpe_arky__gpe_proto.mod_factor,0.008,0.008,0.008,0.008,0.008,0.008,0.008,0,0,0.008,0,,0,,,,
gpe_arky__gpe_proto.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
gpe_arky__gpe_proto.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
gpe_arky__gpe_proto.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",2,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### GPE-ARKY - STRFSI PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_arky__str_fsi.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_probability,connect_fixed_number_pre,connect_fixed_probability,connect_fixed_probability,connect_fixed_probability,
gpe_arky__str_fsi.number,10,10,10,10,10,10,10,10,10,10,10,0,10,,,,
gpe_arky__str_fsi.probability,,,,,,,,,,,,0.375,,0.375,0.375,0.375,
gpe_arky__str_fsi.mod_factor,6.4,6.4,6.4,0.096,0.096,0,6.4,0,1.0,0.096,0,0,0,0,0,0,
gpe_arky__str_fsi.max_trans,1120,1120,1120,1120,1120,1120,1120,1120,1120,1120,1120,1120,1120,1120,,,
gpe_arky__str_fsi.weights,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
gpe_arky__str_fsi.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",2,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Normal(5.0,0.5,0,7.0)","Uniform(0.0, 10.0)","Normal(5.0,0.5,0,7.0)","Normal(5.0,0.5,0,7.0)","Normal(5.0,0.5,0,7.0)",
### GPE-ARKY - GPE-CP PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_arky__gpe_cp.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
gpe_arky__gpe_cp.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
gpe_arky__gpe_cp.mod_factor,0.008,0.008,0.008,0.008,0.008,0.008,0.008,0,0,0.008,0,,0,,,,
gpe_arky__gpe_cp.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
gpe_arky__gpe_cp.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
gpe_arky__gpe_cp.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",2,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### GPE-CP - GPE-PROTO PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_cp__gpe_proto.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
gpe_cp__gpe_proto.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
gpe_cp__gpe_proto.mod_factor,0.008,0.008,0.008,0.008,0.008,0.008,0.008,0,0,0.008,0,,0,,,,
gpe_cp__gpe_proto.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
gpe_cp__gpe_proto.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
gpe_cp__gpe_proto.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",2,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### GPE-CP - STRD1 PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_cp__str_d1.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
gpe_cp__str_d1.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
gpe_cp__str_d1.mod_factor,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0,0,0,0,,0,,,,
gpe_cp__str_d1.max_trans,700,700,700,700,700,700,700,700,700,700,700,,700,,,,
gpe_cp__str_d1.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
gpe_cp__str_d1.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### GPE-CP - STRD2 PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_cp__str_d2.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
gpe_cp__str_d2.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
gpe_cp__str_d2.mod_factor,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0,0,0.5,0,,0,,,,
gpe_cp__str_d2.max_trans,700,700,700,700,700,700,700,700,700,700,700,,700,,,,
gpe_cp__str_d2.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
gpe_cp__str_d2.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### GPE-CP - STRFSI PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_cp__str_fsi.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
gpe_cp__str_fsi.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
gpe_cp__str_fsi.mod_factor,0.8,0.8,0.8,0.05,0.05,0,0.8,0,0,0.05,0,,0,,,,
gpe_cp__str_fsi.max_trans,1120,1120,1120,1120,1120,1120,1120,1120,1120,1120,1120,,1120,,,,
gpe_cp__str_fsi.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
gpe_cp__str_fsi.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### GPE-CP - GPE-ARKY PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_cp__gpe_arky.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
gpe_cp__gpe_arky.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
gpe_cp__gpe_arky.mod_factor,0.008,0.008,0.008,0.008,0.008,0.008,0.008,0,0,0.008,0,,0,,,,
gpe_cp__gpe_arky.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
gpe_cp__gpe_arky.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
gpe_cp__gpe_arky.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",2,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### GPE-CP - INTEGRATOR STOP PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_cp__integrator_stop.connectivity,connect_all_to_all,connect_all_to_all,connect_all_to_all,connect_all_to_all,connect_all_to_all,connect_all_to_all,connect_all_to_all,connect_all_to_all,connect_all_to_all,connect_all_to_all,connect_all_to_all,,connect_all_to_all,,,,
gpe_cp__integrator_stop.mod_factor,0.00095,0.00095,0.00095,0.00095,0.00095,0.00095,0.00095,0,0,0.00095,0,,0,,,,
gpe_cp__integrator_stop.max_trans,14,14,14,14,14,14,14,0,0,14,0,,0,,,,
gpe_cp__integrator_stop.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
gpe_cp__integrator_stop.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### SNR - THAL PROJECTION PARAMS,,,,,,,,,,,,,,,,,
snr__thal.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
snr__thal.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
snr__thal.mod_factor,0.06,0.06,0.06,0.06,0.06,0.06,0.06,0,0,0.06,0,,0,,,,
snr__thal.max_trans,14,14,14,14,14,14,14,14,14,14,14,,14,,,,
snr__thal.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
snr__thal.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### THAL - INTEGRATOR GO PROJECTION PARAMS,,,,,,,,,,,,,,,,,
thal__integrator_go.connectivity,connect_all_to_all,connect_all_to_all,connect_all_to_all,connect_all_to_all,connect_all_to_all,connect_all_to_all,connect_all_to_all,connect_all_to_all,connect_all_to_all,connect_all_to_all,connect_all_to_all,,connect_all_to_all,,,,
thal__integrator_go.mod_factor,0.00056,0.00056,0.00056,0.00056,0.00056,0.00056,0.00056,0,0,0.00056,0,,0,,,,
thal__integrator_go.max_trans,14,14,14,14,14,14,14,0,0,14,0,,0,,,,
thal__integrator_go.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
thal__integrator_go.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### THAL - STRD1 PROJECTION PARAMS,,,,,,,,,,,,,,,,,
thal__str_d1.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
thal__str_d1.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
thal__str_d1.mod_factor,7,7,7,7,10.5,7,10.5,0,0,7,0,,0,,,,
thal__str_d1.max_trans,700,700,700,700,700,700,700,700,700,700,700,,700,,,,
thal__str_d1.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
thal__str_d1.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### THAL - STRD2 PROJECTION PARAMS,,,,,,,,,,,,,,,,,
thal__str_d2.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
thal__str_d2.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
thal__str_d2.mod_factor,6,6,6,6,9,6,9,0,0,6,0,,0,,,,
thal__str_d2.max_trans,700,700,700,700,700,700,700,700,700,700,700,,700,,,,
thal__str_d2.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
thal__str_d2.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### THAL - STRFSI PROJECTION PARAMS,,,,,,,,,,,,,,,,,
thal__str_fsi.connectivity,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
thal__str_fsi.number,10,10,10,10,10,10,10,10,10,10,10,,10,,,,
thal__str_fsi.mod_factor,9.6,9.6,9.6,0.036,0.036,0,9.6,0,0,0.036,0,,0,,,,
thal__str_fsi.max_trans,1120,1120,1120,1120,1120,1120,1120,1120,1120,1120,1120,,1120,,,,
thal__str_fsi.weights,1,1,1,1,1,1,1,1,1,1,1,,1,,,,
thal__str_fsi.delays,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",5,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### GPE-PROTO  GPE-PROTO PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_proto__gpe_proto.connectivity,,,,,,,,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,connect_fixed_number_pre,,,,connect_fixed_probability
gpe_proto__gpe_proto.number,,,,,,,,10,10,,10,,10,,,,
gpe_proto__gpe_proto.probability,,,,,,,,,,,,,,,,,0.25
gpe_proto__gpe_proto.mod_factor,,,,,,,,0.25,0,,0.25,,0.25,,,,0
gpe_proto__gpe_proto.max_trans,,,,,,,,1120,1120,,1120,,1120,,,,
gpe_proto__gpe_proto.weights,,,,,,,,1,1,,1,,1,,,,1
gpe_proto__gpe_proto.delays,,,,,,,,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,"Normal(1.0,0.3,0,2.2)"
### COR-STOP GPE-PROTO PROJECTIONS PARAMS,,,,,,,,,,,,,,,,,
cor_stop__gpe_proto.connectivity,,,,,,,,connect_fixed_number_pre,connect_fixed_number_pre,,connect_fixed_number_pre,,connect_fixed_number_pre,,,,
cor_stop__gpe_proto.number,,,,,,,,1,1,,1,,1,,,,
cor_stop__gpe_proto.mod_factor,,,,,,,,0,0,,0.13,,0.13,,,,
cor_stop__gpe_proto.max_trans,,,,,,,,14,14,,14,,14,,,,
cor_stop__gpe_proto.weights,,,,,,,,1,1,,1,,1,,,,
cor_stop__gpe_proto.delays,,,,,,,,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,"Uniform(0.0, 10.0)",,,,
### GPE-ARKY  GPE-ARKY PROJECTION PARAMS,,,,,,,,,,,,,,,,,
gpe_arky__gpe_arky.connectivity,,,,,,,,connect_fixed_number_pre,connect_fixed_number_pre,,,connect_fixed_probability,,connect_fixed_probability,connect_fixed_probability,connect_fixed_probability,
gpe_arky__gpe_arky.number,,,,,,,,10,10,,,0,,,,,
gpe_arky__gpe_arky.probability,,,,,,,,0,,,,0.25,,0.25,0.25,0.25,
gpe_arky__gpe_arky.mod_factor,,,,,,,,0,0,,,0,,0,0,0,
gpe_arky__gpe_arky.max_trans,,,,,,,,1120,1120,,,1120,,1120,,,
gpe_arky__gpe_arky.weights,,,,,,,,1,1,,,1,,1,1,1,
gpe_arky__gpe_arky.delays,,,,,,,,"Uniform(0.0, 10.0)","Uniform(0.0, 10.0)",,,"Normal(1.0,0.3,0,2.2)",,"Normal(1.0,0.3,0,2.2)","Normal(1.0,0.3,0,2.2)","Normal(1.0,0.3,0,2.2)",
`;
